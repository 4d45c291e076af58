package org.p1iota.app.node;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** One command of the IRI API: reads the request, returns the reply fields ({@code duration} is added later). */
@FunctionalInterface
public interface IriCommand {

    Map<String, Object> handle(IriRequest request, CallContext context) throws Exception;

    /**
     * Facts about the caller the transport knows.
     *
     * @param trustedCaller loopback or a configured trusted host
     * @param callerGone    true once the caller can no longer receive the reply (it hung up): long work may stop
     */
    record CallContext(boolean trustedCaller, BooleanSupplier callerGone) {

        /** A caller that stays for the reply (no transport to watch). */
        public CallContext(boolean trustedCaller) {
            this(trustedCaller, () -> false);
        }
    }
}
