package org.casebook.vault;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The vault's bundle-signing key (schema migration 11): an ECDSA P-256 key pair made with the vault, or at the
 * first need in a vault made before signing existed. The private key lives only in the encrypted vault; it is
 * never written to a file, logged or exported. Certificates over the key (one per name a bundle is prepared by)
 * are issued by the bundle code and kept here, so the same name always shows the same certificate.
 */
public final class SigningKeys {
    /** The schema version that has the tables. */
    static final int SINCE = 11;
    private static final String ALGORITHM = "EC";
    private static final String CURVE = "secp256r1";

    /** The key pair; {@code publicKeySha256} identifies it (SHA-256 of the encoded public key). */
    public record Key(PrivateKey privateKey, PublicKey publicKey, Instant created) {
        public String publicKeySha256() {
            return Sha256.of(publicKey.getEncoded());
        }

        public KeyPair pair() {
            return new KeyPair(publicKey, privateKey);
        }
    }

    private final Vault vault;
    private final Clock clock;

    public SigningKeys(Vault vault, Clock clock) {
        this.vault = vault;
        this.clock = clock;
    }

    /** The vault's key; an older vault that has none gets one now, recorded in the audit log. */
    public Key key() {
        Optional<Key> existing = vault.read(SigningKeys::load);
        if (existing.isPresent()) {
            return existing.get();
        }
        return vault.write(c -> {
            Optional<Key> raced = load(c);
            if (raced.isPresent()) {
                return raced.get();
            }
            String fingerprint = create(c, clock);
            vault.audit().append(c, "signing-key-created", "vault", Map.of("public_key_sha256", fingerprint,
                    "algorithm", "ECDSA P-256"));
            return load(c).orElseThrow();
        });
    }

    /** The DER certificate kept for {@code subject} (the name a bundle is prepared by), if one was issued. */
    public Optional<byte[]> certificate(String subject) {
        return vault.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT der FROM signing_certificate WHERE subject = ?")) {
                ps.setString(1, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Keeps a newly issued certificate for {@code subject}, with when it was issued. Not an audit entry: it changes
     * no evidence, and it is issued while a bundle is being made, after the bundle has read the audit chain's head.
     */
    public void keepCertificate(String subject, byte[] der) {
        String sha256 = Sha256.of(der);
        vault.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO signing_certificate(subject, der, sha256, issued_utc) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, subject);
                ps.setBytes(2, der);
                ps.setString(3, sha256);
                ps.setLong(4, clock.millis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Makes and stores the key in the caller's transaction; returns its public key's SHA-256. */
    static String create(Connection c, Clock clock) throws SQLException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(new ECGenParameterSpec(CURVE));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make an ECDSA P-256 key", e);
        }
        byte[] secret = pair.getPrivate().getEncoded();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO signing_key(id, algorithm, private_key,"
                + " public_key, created_utc) VALUES (1, ?, ?, ?, ?)")) {
            ps.setString(1, ALGORITHM);
            ps.setBytes(2, secret);
            ps.setBytes(3, pair.getPublic().getEncoded());
            ps.setLong(4, clock.millis());
            ps.executeUpdate();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return Sha256.of(pair.getPublic().getEncoded());
    }

    private static Optional<Key> load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT algorithm, private_key, public_key, created_utc FROM signing_key WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            byte[] secret = rs.getBytes(2);
            try {
                KeyFactory factory = KeyFactory.getInstance(rs.getString(1));
                return Optional.of(new Key(factory.generatePrivate(new PKCS8EncodedKeySpec(secret)),
                        factory.generatePublic(new X509EncodedKeySpec(rs.getBytes(3))),
                        Instant.ofEpochMilli(rs.getLong(4))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the vault's signing key cannot be read", e);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }
    }
}
