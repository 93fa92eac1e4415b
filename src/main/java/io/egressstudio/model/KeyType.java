package io.egressstudio.model;

public enum KeyType { RSA_2048, RSA_4096, EC_P256 }
