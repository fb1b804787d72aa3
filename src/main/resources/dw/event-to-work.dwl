%dw 2.0
// A verified Concur event (payload) and its attributes → the work item queued for posting: only what the posting
// flow needs to fetch the FIS document again, never the document itself (it may change until it is acknowledged).
output application/json
---
{
  eventId: attributes.eventId,
  fisDocType: attributes.fisDocType,
  documentId: attributes.documentId,
  correlationId: attributes.correlationId,
  receivedAt: now()
}
