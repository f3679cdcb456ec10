package org.gongkai.publication;

/** The four gates of the pre-publication review: 政治关、法律关、保密关、文字关. */
public record ReviewChecks(boolean political, boolean legal, boolean secrecy, boolean text) {

	public boolean allPassed() {
		return political && legal && secrecy && text;
	}
}
