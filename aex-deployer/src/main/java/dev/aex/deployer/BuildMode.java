package dev.aex.deployer;

/** The original's {@code --mode}: {@code debug} (the default) or {@code release}. */
public enum BuildMode {
  DEBUG,
  RELEASE
}
