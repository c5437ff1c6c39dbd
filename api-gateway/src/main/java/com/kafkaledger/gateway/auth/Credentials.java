package com.kafkaledger.gateway.auth;

import com.kafkaledger.gateway.request.InvalidRequestException;
import com.kafkaledger.gateway.request.JsonFields;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for emails and passwords. */
final class Credentials {

  static final int MAX_EMAIL_LENGTH = 254;
  static final int MIN_PASSWORD_LENGTH = 12;
  /** BCrypt reads at most 72 bytes; a longer password would be silently cut. */
  static final int MAX_PASSWORD_LENGTH = 64;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private Credentials() {}

  /** The email, lower-cased, or null after recording why it is not one. */
  static String email(JsonFields fields) {
    String email = fields.requiredText("email", MAX_EMAIL_LENGTH);
    if (email == null) {
      return null;
    }
    if (!EMAIL.matcher(email).matches()) {
      throw InvalidRequestException.of("email", "must be an email address such as ana@example.com");
    }
    return email.toLowerCase(Locale.ROOT);
  }

  static void requireStrong(String password) {
    boolean letter = password.chars().anyMatch(Character::isLetter);
    boolean digit = password.chars().anyMatch(Character::isDigit);
    if (password.length() < MIN_PASSWORD_LENGTH || !letter || !digit
        || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
      throw InvalidRequestException.of("password", "must be " + MIN_PASSWORD_LENGTH + " to "
          + MAX_PASSWORD_LENGTH + " characters with at least one letter and one digit");
    }
  }
}
