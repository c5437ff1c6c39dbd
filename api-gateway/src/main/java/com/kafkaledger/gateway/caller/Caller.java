package com.kafkaledger.gateway.caller;

/** Who is making the request; the owner of what it opens, the initiator of what it moves. */
public record Caller(String id) {}
