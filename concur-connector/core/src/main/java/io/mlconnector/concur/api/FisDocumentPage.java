package io.mlconnector.concur.api;

import java.util.List;

/**
 * One page of a FIS GET, from either published wrapper: {@code content/page/links} or
 * {@code fIDocuments/offset/nextPage}
 * (https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html).
 *
 * @param documents     the documents on this page
 * @param pageNumber    {@code page.number} (from 0), or null
 * @param totalPages    {@code page.totalPages}, or null
 * @param totalElements {@code page.totalElements}, or null
 * @param nextPage      the {@code links[rel=next].href} or {@code nextPage}, or null on the last page
 */
public record FisDocumentPage(List<FisDocument> documents, Integer pageNumber, Integer totalPages, Long totalElements,
                              String nextPage) {

    public FisDocumentPage {
        documents = List.copyOf(documents);
    }

    /** True when another page follows. */
    public boolean hasNext() {
        if (nextPage != null) {
            return true;
        }
        return pageNumber != null && totalPages != null && pageNumber + 1 < totalPages;
    }
}
