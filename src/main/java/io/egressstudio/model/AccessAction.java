package io.egressstudio.model;

/** What an access rule does with the requests it matches: an AuthorizationPolicy's ALLOW or DENY action. */
public enum AccessAction { ALLOW, DENY }
