package com.kafkaledger.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderFirewallTest {

  private static final List<String> HEADERS = List.of("", "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig",
      "application/json; charset=utf-8", " ~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", "a\tb", "a\nb", "a\rb", "a\u0000b",
      "a\u007fb", "a\u0085b", "caf\u00e9", "\u00a0", "a\u0378b", "\ud83d\udcb8", "\ud83d", "Ω", "x".repeat(4096));

  @Test
  void decidesEveryHeaderNameAndValueExactlyAsSpringSecuritysOwnCheck() {
    assertSameDecisions(StrictHttpFirewall.ALLOWED_HEADER_NAMES);
    assertSameDecisions(StrictHttpFirewall.ALLOWED_HEADER_VALUES);
  }

  @Test
  void stillRefusesControlCharactersAndUnassignedCodePoints() {
    Predicate<String> values = HeaderFirewall.printableAsciiOr(StrictHttpFirewall.ALLOWED_HEADER_VALUES);

    assertThat(values.test("Bearer a.b.c")).isTrue();
    assertThat(values.test("a\nb")).isFalse();
    assertThat(values.test("a\u0000b")).isFalse();
    assertThat(values.test("a\u0378b")).isFalse();
  }

  private static void assertSameDecisions(Predicate<String> springSecurity) {
    Predicate<String> fast = HeaderFirewall.printableAsciiOr(springSecurity);
    for (String header : HEADERS) {
      assertThat(fast.test(header)).as("%s", header.codePoints().mapToObj(Integer::toHexString).toList())
          .isEqualTo(springSecurity.test(header));
    }
  }
}
