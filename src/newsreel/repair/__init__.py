"""Pure, idempotent text repair stages."""
