package dev.tokenkeeper.server.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxRequestBody the largest request body accepted; larger ones get 413 */
@ConfigurationProperties("tokenkeeper.web")
public record WebProperties(@DefaultValue("64KB") DataSize maxRequestBody) {
}
