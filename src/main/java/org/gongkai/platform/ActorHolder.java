package org.gongkai.platform;

/** Implemented by the security principal so that any module can read the acting {@link Actor}. */
public interface ActorHolder {

	Actor actor();
}
