package org.gongkai.platform;

/**
 * A refused action whose message is fit to show a person (Simplified Chinese). The HTTP layer maps
 * it to a status: the default is 409 (not allowed in the current state); subclasses narrow it.
 */
public class DomainException extends RuntimeException {

	private final int status;

	public DomainException(String message) {
		this(409, message);
	}

	protected DomainException(int status, String message) {
		super(message);
		this.status = status;
	}

	/** The HTTP status this refusal maps to (400, 403, 404, 409 or 422). */
	public int status() {
		return status;
	}

	/** 404: unknown, or not public. */
	public static DomainException notFound(String message) {
		return new DomainException(404, message);
	}

	/** 403: the actor may not do this to this record. */
	public static DomainException forbidden(String message) {
		return new DomainException(403, message);
	}

	/** 422: a value cannot be computed (for example a deadline in a year not loaded). */
	public static DomainException unprocessable(String message) {
		return new DomainException(422, message);
	}
}
