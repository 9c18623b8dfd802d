package dev.tablesync.processor.read;

/** A schema's DDL cannot be read; the message says where and why, to quote to the user. */
final class UnreadableSchemaException extends Exception {

  private static final long serialVersionUID = 1L;

  UnreadableSchemaException(String problem) {
    super(problem);
  }
}
