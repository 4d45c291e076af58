package org.p1iota.iota.pow;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.iota.jota.pow.pearldiver.PearlDiver;
import org.iota.jota.utils.Converter;

/**
 * jota's PearlDiver, made interruptible: the search runs on a worker thread and an interrupt of the
 * caller cancels it. The reference the project's own engine is measured against.
 */
public final class PearlDiverProofOfWork implements ProofOfWork {

    static final int NONCE_TRYTE_OFFSET = 2646;

    private final int threads;

    /** @param threads search threads; 0 for one per available core */
    public PearlDiverProofOfWork(int threads) {
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    @Override
    public String search(String transactionTrytes, int minWeightMagnitude) throws InterruptedException {
        TransactionTrytes.requireTransaction(transactionTrytes);
        int[] trits = Converter.trits(transactionTrytes);
        PearlDiver diver = new PearlDiver();
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "pearldiver");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<Boolean> found = runner.submit(() -> diver.search(trits, minWeightMagnitude, threads));
            try {
                if (!found.get()) {
                    throw new InterruptedException("proof of work cancelled");
                }
            } catch (InterruptedException e) {
                diver.cancel();
                throw e;
            } catch (ExecutionException e) {
                throw new IllegalStateException("PearlDiver failed", e.getCause());
            }
        } finally {
            runner.shutdownNow();
        }
        return transactionTrytes.substring(0, NONCE_TRYTE_OFFSET) + Converter.trytes(trits).substring(NONCE_TRYTE_OFFSET);
    }
}
