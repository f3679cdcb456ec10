package org.gongkai.platform;

import java.util.Optional;

/**
 * Where uploaded files live: a local folder by default; an S3-compatible object store in a cluster.
 * Keys are opaque; content is written durably before {@link #put} returns.
 */
public interface FileStore {

	String put(byte[] content, String fileName);

	Optional<byte[]> get(String key);

	void delete(String key);
}
