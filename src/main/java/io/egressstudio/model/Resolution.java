package io.egressstudio.model;

/** ServiceEntry {@code resolution}. */
public enum Resolution { NONE, STATIC, DNS, DNS_ROUND_ROBIN }
