package io.egressstudio.model;

/** ServiceEntry {@code location}. */
public enum Location { MESH_EXTERNAL, MESH_INTERNAL }
