package com.kafkaledger.gateway.auth;

import com.kafkaledger.events.Role;
import com.kafkaledger.gateway.apidocs.ApiDocumentation;
import com.kafkaledger.gateway.request.InvalidRequestException;
import com.kafkaledger.gateway.request.JsonFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = ApiDocumentation.AUTH)
class AuthController {

  private static final Logger log = LoggerFactory.getLogger(AuthController.class);
  static final int MAX_DISPLAY_NAME_LENGTH = 100;

  private final Users users;
  private final PasswordEncoder passwords;
  private final TokenService tokens;
  private final SignInLimiter limiter;
  private final Clock clock;
  /** Compared against when the email is unknown, so both failures take the same time. */
  private final String decoyHash;

  AuthController(Users users, PasswordEncoder passwords, TokenService tokens, SignInLimiter limiter, Clock clock) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.limiter = limiter;
    this.clock = clock;
    this.decoyHash = passwords.encode(UUID.randomUUID().toString());
  }

  /** A customer or merchant signs up; operators are configured, never signed up. */
  @Operation(operationId = "signUp", summary = "Sign up as a customer or merchant",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(ref = ApiDocumentation.SIGN_UP))
  @ApiResponse(responseCode = "201", ref = ApiDocumentation.SIGNED_UP)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "409", ref = ApiDocumentation.EMAIL_TAKEN)
  @PostMapping(path = "/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> signUp(@RequestBody JsonNode body) {
    JsonFields fields = JsonFields.of(body, Set.of("email", "password", "role", "displayName"));
    String email = Credentials.email(fields);
    String password = fields.requiredText("password", Credentials.MAX_PASSWORD_LENGTH);
    String role = fields.requiredText("role");
    String displayName = fields.requiredText("displayName", MAX_DISPLAY_NAME_LENGTH);
    fields.validate();
    Credentials.requireStrong(password);
    Role signedUpAs = switch (role) {
      case "CUSTOMER" -> Role.CUSTOMER;
      case "MERCHANT" -> Role.MERCHANT;
      default -> throw InvalidRequestException.of("role", "must be CUSTOMER or MERCHANT");
    };

    UserAccount user = new UserAccount(UUID.randomUUID().toString(), email, passwords.encode(password),
        signedUpAs, displayName.strip(), clock.instant());
    users.create(user);
    log.info("signed up user {} as {}", user.userId(), user.role());
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("userId", user.userId());
    created.put("email", user.email());
    created.put("role", user.role().name());
    created.put("displayName", user.displayName());
    // no Location: there is no user resource to read back
    return ResponseEntity.status(HttpStatus.CREATED).body(created);
  }

  @Operation(operationId = "signIn", summary = "Sign in: a bearer token for every other operation",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(ref = ApiDocumentation.SIGN_IN))
  @ApiResponse(responseCode = "200", ref = ApiDocumentation.TOKEN)
  @ApiResponse(responseCode = "400", ref = ApiDocumentation.INVALID_REQUEST)
  @ApiResponse(responseCode = "401", ref = ApiDocumentation.WRONG_CREDENTIALS)
  @ApiResponse(responseCode = "429", ref = ApiDocumentation.TOO_MANY_ATTEMPTS)
  @PostMapping(path = "/token", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> token(@RequestBody JsonNode body, HttpServletRequest http) {
    JsonFields fields = JsonFields.of(body, Set.of("email", "password"));
    String email = fields.requiredText("email", Credentials.MAX_EMAIL_LENGTH);
    String password = fields.requiredText("password", Credentials.MAX_PASSWORD_LENGTH);
    fields.validate();
    limiter.attempt(email.toLowerCase(Locale.ROOT), http.getRemoteAddr());

    UserAccount user = users.byEmail(email.toLowerCase(Locale.ROOT)).orElse(null);
    boolean matches = passwords.matches(password, user == null ? decoyHash : user.passwordHash());
    if (user == null || !matches) {
      log.info("refused sign-in from {}", http.getRemoteAddr());
      throw new WrongCredentialsException();
    }
    TokenService.IssuedToken issued = tokens.issue(user.userId(), user.role());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("accessToken", issued.accessToken());
    answer.put("tokenType", "Bearer");
    answer.put("expiresIn", issued.expiresInSeconds());
    return answer;
  }

  /** The token stops working here at once, and on every other instance within a second. */
  @Operation(operationId = "logout",
      summary = "Log out: the token stops working at once here, and within a second on every other instance",
      security = @SecurityRequirement(name = ApiDocumentation.BEARER))
  @ApiResponse(responseCode = "204", description = "Logged out")
  @PostMapping("/logout")
  ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
    tokens.revoke(token);
    return ResponseEntity.noContent().build();
  }
}
