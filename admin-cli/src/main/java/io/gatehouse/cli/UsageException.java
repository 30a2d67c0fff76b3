package io.gatehouse.cli;

/** The command line is wrong: exit status 2 with the message and a hint to --help. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message, null, false, false);
    }
}
