package io.gatehouse.cli;

/** The server refused: exit status 1 with its error code and description. */
final class ApiException extends RuntimeException {

    final int status;
    final String error;
    final String description;

    ApiException(int status, String error, String description) {
        super(status + " " + error + (description == null ? "" : ": " + description), null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
    }
}
