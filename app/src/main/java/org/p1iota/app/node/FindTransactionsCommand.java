package org.p1iota.app.node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * findTransactions with IRI's rules: each given list is de-duplicated and searched, the result is the
 * intersection over the lists given; tags are padded to 27 trytes and fall back to the obsolete tag;
 * the null hash is refused; more than 100,000 hits is an error.
 */
public final class FindTransactionsCommand implements IriCommand {

    private static final String PREFIX = "com.iota.iri.service.ValidationException: ";
    private static final String EMPTY_TAG = "9".repeat(27);

    private final TangleStore store;

    public FindTransactionsCommand(TangleStore store) {
        this.store = store;
    }

    @Override
    public Map<String, Object> handle(IriRequest request, CallContext context) throws Exception {
        List<Set<String>> hits = new ArrayList<>();
        if (request.has("addresses")) {
            hits.add(store.hashesWhere(TangleStore.Column.ADDRESS, hashes(request, "addresses"), limit()));
        }
        if (request.has("bundles")) {
            hits.add(store.hashesWhere(TangleStore.Column.BUNDLE, hashes(request, "bundles"), limit()));
        }
        if (request.has("tags")) {
            hits.add(byTags(tags(request)));
        }
        if (request.has("approvees")) {
            List<String> approvees = hashes(request, "approvees");
            Set<String> approvers = new LinkedHashSet<>(store.hashesWhere(TangleStore.Column.TRUNK, approvees, limit()));
            approvers.addAll(store.hashesWhere(TangleStore.Column.BRANCH, approvees, limit()));
            hits.add(approvers);
        }
        if (hits.isEmpty()) {
            throw IriException.invalid(PREFIX + "Invalid parameters");
        }
        for (Set<String> set : hits) {
            if (set.size() > limit()) {
                throw IriException.badRequest("Could not complete request");
            }
        }
        Set<String> result = new LinkedHashSet<>(hits.get(0));
        hits.subList(1, hits.size()).forEach(result::retainAll);
        return Map.of("hashes", List.copyOf(result));
    }

    private static int limit() {
        return NodeSettings.MAX_FIND_TRANSACTIONS;
    }

    private static List<String> hashes(IriRequest request, String name) {
        List<String> hashes = request.hashes(name, PREFIX, true);
        if (hashes.contains(NodeTransaction.NULL_HASH)) {
            throw IriException.invalid(PREFIX + "Invalid " + name + " input");
        }
        return hashes;
    }

    private static List<String> tags(IriRequest request) {
        List<String> tags = new ArrayList<>();
        for (String tag : new LinkedHashSet<>(request.strings("tags"))) {
            if (!NodeTransaction.isTrytes(tag)) {
                // IRI fails with an ArrayIndexOutOfBoundsException here; this node names the problem
                throw IriException.invalid(PREFIX + "Invalid tags input");
            }
            String padded = tag.length() < 27 ? tag + "9".repeat(27 - tag.length()) : tag;
            if (padded.equals(EMPTY_TAG)) {
                throw IriException.invalid(PREFIX + "Invalid tag input");
            }
            tags.add(padded);
        }
        return tags;
    }

    private Set<String> byTags(List<String> tags) throws Exception {
        Set<String> found = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag.length() != 27) {
                continue; // longer than a tag: matches nothing, as in IRI
            }
            Set<String> byTag = store.hashesWhere(TangleStore.Column.TAG, List.of(tag), limit());
            found.addAll(byTag.isEmpty() ? store.hashesWhere(TangleStore.Column.OBSOLETE_TAG, List.of(tag), limit()) : byTag);
        }
        return found;
    }
}
