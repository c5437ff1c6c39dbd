package com.kafkaledger.gateway.auth;

import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the operator login from LEDGER_OPERATOR_EMAIL and LEDGER_OPERATOR_PASSWORD at start.
 * Operators are never signed up over the API, and there is no built-in default.
 */
@Component
class OperatorLogin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(OperatorLogin.class);

  private final Users users;
  private final PasswordEncoder passwords;
  private final Clock clock;
  private final String email;
  private final String password;

  OperatorLogin(Users users, PasswordEncoder passwords, Clock clock,
      @Value("${ledger.gateway.operator.email:}") String email,
      @Value("${ledger.gateway.operator.password:}") String password) {
    this.users = users;
    this.passwords = passwords;
    this.clock = clock;
    this.email = email;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments arguments) {
    if (email.isBlank() || password.isBlank()) {
      log.warn("no operator login: LEDGER_OPERATOR_EMAIL and LEDGER_OPERATOR_PASSWORD are not both set");
      return;
    }
    Credentials.requireStrong(password);
    users.putOperator(email.toLowerCase(Locale.ROOT), passwords.encode(password), clock.instant());
    log.info("operator login {} is ready", email);
  }
}
