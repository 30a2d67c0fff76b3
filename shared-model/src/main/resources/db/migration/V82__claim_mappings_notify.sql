-- Every change to the attribute-to-claim mapping, by the admin API or by SQL, is announced on
-- gatehouse_claim_mappings when its transaction commits: every replica of every service re-reads the mapping at once
-- (KeyChangeListener), gatehouse.claims.mapping-refresh staying the fallback.
create or replace function gatehouse_notify_claim_mappings() returns trigger language plpgsql as $$
begin
    perform pg_notify('gatehouse_claim_mappings', '');
    return null;
end
$$;
create trigger claim_mappings_changed after insert or update or delete or truncate on claim_mappings
    for each statement execute function gatehouse_notify_claim_mappings();
