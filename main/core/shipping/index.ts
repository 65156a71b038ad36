// Shipping the audit trail and operation outcomes to the bank's syslog server (docs/architecture.md,
// "Shipping to the log server").
export { Shipper, targetOf, type ShipperOptions } from './shipper.ts';
export { shippingStatus, isBehind, type ShippingStatus } from './status.ts';
export { recordId } from './record-message.ts';
export { startShipping, deskShippingStatus, type ShippingDesk, type ShippingTiming } from './desk-shipping.ts';
