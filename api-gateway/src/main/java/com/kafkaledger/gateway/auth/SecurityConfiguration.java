package com.kafkaledger.gateway.auth;

import com.kafkaledger.gateway.caller.CallerResolver;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * Stateless bearer-token security: sign-up and sign-in are open, health, metrics and the API docs are open,
 * reconciliation is for operators, everything else needs a valid, not logged-out token. Finer
 * rules (whose account, which role may CHARGE) live with the requests they govern.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(HttpSecurity http, TokenService tokens) throws Exception {
    http
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/v1/auth/signup", "/api/v1/auth/token").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                "/actuator/prometheus").permitAll()
            // The API's description and Swagger UI are public; trying an operation in it still needs a token.
            .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
                "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/api/v1/admin/**").hasRole("OPERATOR")
            .anyRequest().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer
            .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(roles()))
            .authenticationEntryPoint((request, response, failure) -> problem(response, 401,
                "Unauthorized", "a valid bearer token is required"))
            .accessDeniedHandler((request, response, denied) -> problem(response, 403, "Forbidden",
                "your role may not do this")))
        .exceptionHandling(errors -> errors
            .authenticationEntryPoint((request, response, failure) -> problem(response, 401,
                "Unauthorized", "a valid bearer token is required"))
            .accessDeniedHandler((request, response, denied) -> problem(response, 403, "Forbidden",
                "your role may not do this")));
    return http.build();
  }

  /**
   * No observations of the security filters: one per filter per request, they were about a sixth of
   * the gateway's CPU on the submit path. Each request still has its server observation, hence its
   * trace id and its http.server.requests metric.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Spring Security's strict firewall, its header checks cheap for printable ASCII. */
  @Bean
  HttpFirewall httpFirewall() {
    return HeaderFirewall.create();
  }

  /** Slow and salted; Spring Security's own encoder, no hand-rolled crypto. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  private static JwtAuthenticationConverter roles() {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName(CallerResolver.ROLE_CLAIM);
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return converter;
  }

  private static void problem(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    response.setContentType("application/problem+json");
    response.getWriter().write("{\"type\":\"/problems/" + title.toLowerCase(java.util.Locale.ROOT)
        + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
  }
}
