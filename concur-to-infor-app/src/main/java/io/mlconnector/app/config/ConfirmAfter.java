package io.mlconnector.app.config;

/**
 * When Concur may hear {@code success} for a chunk of a posting kind: when ION accepted it (ION's 202 only means ION
 * has the message, https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/zpy1582711928170.html), or when the ERP
 * acknowledged it (its Acknowledge BOD, pushed by ION to the app's IMS endpoint).
 */
public enum ConfirmAfter {
    /** ION answered 202. The only choice for Sync BODs: they have no business reply. */
    ION_ACCEPTED,
    /** The ERP's Acknowledge (or a ConfirmBOD without errors) arrived. Process BODs. */
    ERP_ACKNOWLEDGED
}
