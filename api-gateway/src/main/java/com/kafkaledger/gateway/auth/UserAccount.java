package com.kafkaledger.gateway.auth;

import com.kafkaledger.events.Role;
import java.time.Instant;

/** A person or business that can sign in. */
record UserAccount(String userId, String email, String passwordHash, Role role, String displayName,
    Instant createdAt) {}
