package org.p1iota.app.node;

import java.util.Map;

/** One command of the IRI API: reads the request, returns the reply fields ({@code duration} is added later). */
@FunctionalInterface
public interface IriCommand {

    Map<String, Object> handle(IriRequest request, CallContext context) throws Exception;

    /** Facts about the caller the transport knows. */
    record CallContext(boolean trustedCaller) {
    }
}
