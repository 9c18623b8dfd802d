-- Applied after V2 (versions compare as numbers): it indexes a column V2 adds.
CREATE INDEX ix_wms_supplier_group_name ON wms_supplier (supplier_group_name);
