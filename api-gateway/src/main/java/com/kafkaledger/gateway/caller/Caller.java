package com.kafkaledger.gateway.caller;

import com.kafkaledger.events.Role;

/** Who is making the request: the signed-in user's id and role. */
public record Caller(String id, Role role) {

  public boolean is(Role expected) {
    return role == expected;
  }
}
