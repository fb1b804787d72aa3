package io.mlconnector.app.config;

/** How documents reach Infor: BODs through ION messaging, or the M3 REST API (APS450MI). */
public enum PostingMode {
    BOD, M3_REST
}
