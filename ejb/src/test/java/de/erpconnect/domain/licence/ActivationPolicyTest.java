package de.erpconnect.domain.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.erpconnect.domain.client.ApplicationKind;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.licence.ActivationRejectedException.Reason;
import de.erpconnect.domain.shared.RealmId;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationPolicyTest {

    static final KeyPair VENDOR = ActivationKeyCodecTest.generate();
    static final byte[] CATALOGUE_JSON =
            ("{\"apps\":[{\"id\":1,\"code\":\"mbcom.connectelo\",\"vendor\":\"MBCOM IT-Systemhaus GmbH\","
                            + "\"name\":\"MBCOM ConnectELO\",\"scopes\":[\"graphql\",\"graphql.write\"]}]}")
                    .getBytes(StandardCharsets.UTF_8);
    static final PartnerAppCatalogue CATALOGUE = PartnerAppCatalogue.load(
            CATALOGUE_JSON, PartnerAppCatalogue.sign(CATALOGUE_JSON, VENDOR.getPrivate()), VENDOR.getPublic());
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    static String key(
            KeyKind kind,
            long customer,
            Edition edition,
            int app,
            int minBuild,
            EnumSet<Edition> allowed,
            LocalDate until) {
        return ActivationKeyCodec.encode(
                new ActivationKey(11, kind, customer, edition, app, minBuild, allowed, until), VENDOR.getPrivate());
    }

    static String partner(long customer) {
        return key(
                KeyKind.PARTNER_APP,
                customer,
                null,
                1,
                7120,
                EnumSet.of(Edition.CORE, Edition.ENTERPRISE),
                TODAY.plusDays(30));
    }

    static LicenceState state(Edition edition, String customer) {
        return new LicenceState(
                edition, Optional.ofNullable(customer), false, Optional.empty(), Optional.empty(), java.util.Map.of());
    }

    static ActivationRejectedException rejected(String text, LicenceState state, int build) {
        return assertThrows(
                ActivationRejectedException.class,
                () -> ActivationPolicy.check(
                        text, VENDOR.getPublic(), state, build, TODAY, CATALOGUE, id -> Optional.empty()));
    }

    @Test
    void eachRuleRejectsInTheWordsOfTheTroubleshootingList() {
        assertEquals(
                "Schlüssel ungültig — bitte auf Tippfehler prüfen",
                rejected("ABCDE-FGHJK", state(Edition.CORE, null), 7125).getMessage());
        String foreign = ActivationKeyCodec.encode(
                new ActivationKey(1, KeyKind.PARTNER_APP, 5, null, 1, 0, EnumSet.of(Edition.CORE), TODAY),
                ActivationKeyCodecTest.generate().getPrivate());
        assertEquals(
                Reason.SIGNATURE,
                rejected(foreign, state(Edition.CORE, null), 7125).reason());
        assertEquals(
                "Schlüssel gehört zu Kunde 0000012345 — diese Installation ist Kunde 0000004711",
                rejected(partner(12345), state(Edition.CORE, "0000004711"), 7125)
                        .getMessage());
        assertEquals(
                "Build 7120 oder neuer erforderlich — installiert: 7110",
                rejected(partner(4711), state(Edition.CORE, "0000004711"), 7110).getMessage());
        assertEquals(
                "Partner-Apps benötigen Gen. 24 Core oder Enterprise — diese Installation ist STANDARD",
                rejected(partner(4711), state(Edition.STANDARD, "0000004711"), 7125)
                        .getMessage());
        String expired = key(KeyKind.PARTNER_APP, 4711, null, 1, 7120, EnumSet.of(Edition.CORE), TODAY.minusDays(1));
        assertEquals(
                "Schlüssel abgelaufen am 25.11.2026",
                rejected(expired, state(Edition.CORE, null), 7125).getMessage());
        String unknown = key(KeyKind.PARTNER_APP, 4711, null, 99, 7120, EnumSet.of(Edition.CORE), TODAY);
        assertEquals(
                Reason.UNKNOWN_PARTNER_APP,
                rejected(unknown, state(Edition.CORE, null), 7125).reason());
    }

    @Test
    void aKeyActiveAlreadyIsADuplicate() {
        Activation existing = new Activation(
                RealmId.ERP,
                new ActivationKey(11, KeyKind.PARTNER_APP, 4711, null, 1, 0, EnumSet.of(Edition.CORE), TODAY),
                "abcd1234",
                "admin",
                NOW);
        ActivationRejectedException e = assertThrows(
                ActivationRejectedException.class,
                () -> ActivationPolicy.check(
                        partner(4711),
                        VENDOR.getPublic(),
                        state(Edition.CORE, "0000004711"),
                        7125,
                        TODAY,
                        CATALOGUE,
                        id -> Optional.of(existing)));
        assertEquals("Schlüssel bereits aktiviert", e.getMessage());
        assertEquals(Reason.ALREADY_ACTIVATED, e.reason());
    }

    @Test
    void theEditionComesFromTheNewestValidProductKeyOrTheEvaluation() {
        Installation dev = new Installation(RealmId.ERP, true, NOW.minusSeconds(86_400));
        assertEquals(Edition.ENTERPRISE, LicenceState.of(dev, List.of(), NOW).edition());
        assertEquals(
                Edition.STANDARD,
                LicenceState.of(dev, List.of(), NOW.plusSeconds(31L * 86_400)).edition(),
                "the evaluation ends after 30 days");
        Installation prod = new Installation(RealmId.ERP, false, NOW);
        assertEquals(
                Edition.STANDARD, LicenceState.of(prod, List.of(), NOW).edition(), "production starts as STANDARD");
        Activation core = new Activation(
                RealmId.ERP,
                new ActivationKey(
                        1, KeyKind.PRODUCT, 4711, Edition.CORE, 0, 0, EnumSet.allOf(Edition.class), TODAY.plusDays(10)),
                "f",
                "admin",
                NOW);
        assertEquals(Edition.CORE, LicenceState.of(prod, List.of(core), NOW).edition());
        assertEquals(
                Edition.STANDARD,
                LicenceState.of(prod, List.of(core), NOW.plusSeconds(12L * 86_400))
                        .edition(),
                "an expired product key falls back to STANDARD");
    }

    @Test
    void editionGates() {
        PartnerApp app = CATALOGUE.byId(1).orElseThrow();
        LicenceState core = new LicenceState(
                Edition.CORE, Optional.of("x"), false, Optional.empty(), Optional.empty(), java.util.Map.of(1, TODAY));
        assertEquals(
                Optional.empty(), core.refusal(new ApplicationKind(app.code()), ClientType.CONFIDENTIAL, CATALOGUE));
        assertEquals(
                true,
                core.refusal(ApplicationKind.OWN, ClientType.CONFIDENTIAL, CATALOGUE)
                        .isPresent());
        LicenceState enterprise = new LicenceState(
                Edition.ENTERPRISE, Optional.empty(), true, Optional.empty(), Optional.empty(), java.util.Map.of());
        assertEquals(Optional.empty(), enterprise.refusal(ApplicationKind.OWN, ClientType.PUBLIC, CATALOGUE));
        assertEquals(
                true,
                enterprise
                        .refusal(new ApplicationKind(app.code()), ClientType.CONFIDENTIAL, CATALOGUE)
                        .isPresent(),
                "a partner app needs its activation");
        LicenceState standard = state(Edition.STANDARD, null);
        assertEquals(
                true,
                standard.refusal(ApplicationKind.OWN, ClientType.CONFIDENTIAL, CATALOGUE)
                        .isPresent());
        assertEquals("MBCOM IT-Systemhaus GmbH - MBCOM ConnectELO (Partner-App)", app.displayName());
    }

    @Test
    void aCatalogueWithAnotherSignatureIsRefused() {
        assertThrows(
                IllegalStateException.class,
                () -> PartnerAppCatalogue.load(
                        CATALOGUE_JSON,
                        PartnerAppCatalogue.sign(
                                CATALOGUE_JSON,
                                ActivationKeyCodecTest.generate().getPrivate()),
                        VENDOR.getPublic()));
    }
}
