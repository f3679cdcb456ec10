package org.gongkai.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work tied to the outcome of the current transaction: deleting a stored file once the row that named it is
 * committed away, or once the transaction that stored it rolled back. Without a transaction, commit work runs now.
 */
public final class AfterTransaction {

	private AfterTransaction() {
	}

	public static void commit(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					work.run();
				}
			});
		}
		else {
			work.run();
		}
	}

	public static void rollback(Runnable work) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					if (status == STATUS_ROLLED_BACK) {
						work.run();
					}
				}
			});
		}
	}
}
