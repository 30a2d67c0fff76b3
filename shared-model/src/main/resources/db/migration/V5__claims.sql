-- V5: claims (issue 6, docs/claims.md).
-- 1. The default attribute-to-claim mapping (ClaimMappings.DEFAULT; LDAP inetOrgPerson names first).
--    Rows an operator already has are left alone, so the seed never overwrites an edited mapping.
insert into claim_mappings (claim, source_attributes, value_type) values
    ('name', '{cn,displayName}', 'string'),
    ('given_name', '{givenName,firstname}', 'string'),
    ('family_name', '{sn,lastname}', 'string'),
    ('middle_name', '{middleName}', 'string'),
    ('nickname', '{nickname}', 'string'),
    ('preferred_username', '{uid}', 'string'),
    ('profile', '{profile}', 'string'),
    ('picture', '{picture}', 'string'),
    ('website', '{labeledURI,website}', 'string'),
    ('gender', '{gender}', 'string'),
    ('birthdate', '{birthdate}', 'string'),
    ('zoneinfo', '{zoneinfo}', 'string'),
    ('locale', '{preferredLanguage,locale}', 'string'),
    ('updated_at', '{updatedAt,modifyTimestamp}', 'epoch_seconds'),
    ('email', '{mail}', 'string'),
    ('email_verified', '{emailVerified}', 'boolean'),
    ('phone_number', '{telephoneNumber,mobile}', 'string'),
    ('phone_number_verified', '{phoneNumberVerified}', 'boolean'),
    ('address.formatted', '{postalAddress}', 'string'),
    ('address.street_address', '{street}', 'string'),
    ('address.locality', '{l}', 'string'),
    ('address.region', '{st}', 'string'),
    ('address.postal_code', '{postalCode}', 'string'),
    ('address.country', '{c}', 'string')
on conflict (claim) do nothing;

-- 2. The claims request parameter (OIDC Core 5.5) of the authorization a grant records: userinfo reads its
--    userinfo member, refreshed ID tokens its id_token member. Null when the request had none.
alter table grants add column claims jsonb;
