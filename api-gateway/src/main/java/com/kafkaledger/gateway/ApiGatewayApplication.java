package com.kafkaledger.gateway;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class ApiGatewayApplication {

  /**
   * Each service reads {@code api-gateway.yml}, not {@code application.yml}, so that the three services
   * can share one classpath in the end-to-end tests without reading each other's settings.
   */
  public static final String CONFIG_NAME = "api-gateway";

  public static void main(String[] args) {
    builder().run(args);
  }

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(ApiGatewayApplication.class).properties("spring.config.name=" + CONFIG_NAME);
  }
}
