/**
 * The rules of a declaration's values, in one place: the processor checks an {@code @SyncTable}
 * with them at compile time, and the runtime checks what it is given (a hand-written spec, a
 * schedule from a command line) with the same ones, so that what compiles also runs.
 */
package dev.tablesync.annotations.grammar;
