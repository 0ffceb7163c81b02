package dev.tokenkeeper.server.support.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.tokenkeeper.server.support.ArgumentValidationException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * A request body must be text in its declared charset (UTF-8 unless it says otherwise) and
 * valid Unicode. Jackson's fast UTF-8 reader accepts overlong byte sequences (a {@code /}
 * written as {@code C0 AF}), and any JSON string may hold an unpaired surrogate written as
 * {@code \ud800}, which no UTF-8 database column or client can represent. Both are refused
 * here, before the body is parsed. The parser then gets the text exactly as checked, as UTF-8
 * (it would otherwise guess the encoding from the bytes, whatever charset the request declared).
 * Bodies are at most 64 KiB, so reading one whole is cheap.
 */
@ControllerAdvice
class StrictUnicodeBodyAdvice extends RequestBodyAdviceAdapter {

	@Override
	public boolean supports(MethodParameter methodParameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		String text = decode(inputMessage.getBody().readAllBytes(), charsetOf(inputMessage.getHeaders()));
		if (hasUnpairedSurrogateEscape(text)) {
			throw new ArgumentValidationException("The request body contains an unpaired surrogate (\\ud800 to \\udfff).");
		}
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		HttpHeaders headers = HttpHeaders.copyOf(inputMessage.getHeaders());
		MediaType contentType = headers.getContentType();
		if (contentType != null) {
			headers.setContentType(new MediaType(contentType, StandardCharsets.UTF_8));
		}
		return new HttpInputMessage() {
			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}
		};
	}

	private static Charset charsetOf(HttpHeaders headers) {
		MediaType contentType = headers.getContentType();
		return (contentType != null && contentType.getCharset() != null) ? contentType.getCharset()
				: StandardCharsets.UTF_8;
	}

	private static String decode(byte[] body, Charset charset) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ArgumentValidationException("The request body is not valid " + charset.name() + " text.");
		}
	}

	/** Looks at JSON's {@code \}{@code uXXXX} escapes only: raw surrogates cannot survive strict decoding. */
	static boolean hasUnpairedSurrogateEscape(String text) {
		boolean expectLow = false;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) != '\\' || i + 1 >= text.length()) {
				if (expectLow) {
					return true;
				}
				continue;
			}
			char escaped = text.charAt(i + 1);
			int unit = (escaped == 'u' && i + 5 < text.length()) ? hex(text, i + 2) : -1;
			if (unit < 0) {
				if (expectLow) {
					return true;
				}
				i++;
				continue;
			}
			if (Character.isLowSurrogate((char) unit) != expectLow) {
				return true;
			}
			expectLow = Character.isHighSurrogate((char) unit);
			i += 5;
		}
		return expectLow;
	}

	private static int hex(String text, int from) {
		try {
			return Integer.parseInt(text, from, from + 4, 16);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
