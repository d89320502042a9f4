package org.casebook.bundle.sign;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.casebook.vault.Sha256;

/**
 * An RFC 3161 time-stamping authority the user named. It is asked only when the user asks for a time-stamp: this
 * is the one place a bundle goes near the network, and what it sends is a SHA-256 hash of the signature, never
 * the bundle or anything in it.
 */
public final class TimeStampAuthority {
    private static final Duration CONNECT = Duration.ofSeconds(20);
    private static final Duration ANSWER = Duration.ofSeconds(60);
    /** A time-stamp reply is a few kilobytes; anything far larger is not one. */
    private static final int MAX_REPLY = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI uri;

    private TimeStampAuthority(URI uri) {
        this.uri = uri;
    }

    /**
     * The authority at {@code url}: an http or https address.
     *
     * @throws IllegalArgumentException naming the address when it is not one
     */
    public static TimeStampAuthority at(String url) {
        String text = url == null ? "" : url.strip();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("The time-stamping authority's address must be an http:// or"
                        + " https:// address, not \u201C" + text + "\u201D.");
            }
            return new TimeStampAuthority(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The time-stamping authority's address \u201C" + text
                    + "\u201D is not a web address (" + e.getReason() + ").");
        }
    }

    public URI uri() {
        return uri;
    }

    /**
     * Asks the authority to time-stamp {@code signature} (the CMS signature value): the token, checked against the
     * request and its own signature.
     *
     * @throws IOException saying what went wrong, naming the authority
     */
    public TimeStampToken stamp(byte[] signature) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256,
                Sha256.newDigest().digest(signature), new BigInteger(64, RANDOM));
        byte[] reply = post(request.getEncoded());
        try {
            TimeStampResponse response = new TimeStampResponse(reply);
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw failure("it refused the request (" + response.getStatusString() + ")", null);
            }
            X509CertificateHolder certificate = TimeStampTokens.signerCertificate(token);
            if (certificate == null) {
                throw failure("its reply carries no certificate to check it with", null);
            }
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            return token;
        } catch (TimeStampException e) {
            throw e;
        } catch (TSPException | OperatorCreationException | java.security.cert.CertificateException
                 | IOException e) {
            throw failure("its reply is not a valid time-stamp for this bundle (" + e.getMessage() + ")", e);
        }
    }

    private byte[] post(byte[] body) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(ANSWER)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("the request was interrupted", e);
        } catch (IOException e) {
            throw failure("it could not be reached (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + ")", e);
        }
        try (InputStream in = response.body()) {
            byte[] reply = in.readNBytes(MAX_REPLY + 1);
            if (response.statusCode() != 200) {
                throw failure("it answered HTTP " + response.statusCode(), null);
            }
            if (reply.length > MAX_REPLY) {
                throw failure("its reply is far too large for a time-stamp", null);
            }
            return reply;
        }
    }

    private TimeStampException failure(String what, Throwable cause) {
        return new TimeStampException("The time-stamping authority at " + uri + " gave no time-stamp: " + what + ".", cause);
    }
}
