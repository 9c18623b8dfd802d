package dev.tablesync.runtime.dialect;

import java.util.Optional;

/**
 * Finds driver classes that the runtime uses when the host app brings the driver, by name, so
 * that the runtime needs none of them. Code that names a driver's types lives in classes of its
 * own, loaded only once the driver was found and the connection at hand is the driver's.
 */
final class OptionalDrivers {

  private OptionalDrivers() {}

  /** The class named {@code name}, if the runtime's class loader can see it. */
  static Optional<Class<?>> find(String name) {
    try {
      return Optional.of(Class.forName(name, false, OptionalDrivers.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError absent) {
      return Optional.empty();
    }
  }
}
