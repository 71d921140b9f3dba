/**
 * OTLP trace intake, pure logic: {@link io.ledgerline.collector.receiver.otlp.OtlpDecoder} reads an OTLP/HTTP
 * export body (protobuf or OTLP/JSON) into {@link io.ledgerline.collector.receiver.otlp.OtlpSpan}s, and
 * {@link io.ledgerline.collector.receiver.otlp.GenAiSpanMapper} turns the spans that are LLM calls into call-record
 * builders.
 *
 * <p>Decisions where DESIGN.md is silent:
 * <ul>
 *   <li>A body that is not protobuf / JSON, or whose structure above the spans is wrong, is malformed as a whole;
 *       a span with missing, wrongly sized or all-zero ids, or an unreadable attribute value, is rejected alone.</li>
 *   <li>Agent, tool, workflow and retrieval spans ({@code invoke_agent}, {@code execute_tool}, OpenInference
 *       {@code AGENT}/{@code CHAIN}/{@code TOOL}…) are never calls, even with usage attributes: their tokens are the
 *       sum of their model calls.</li>
 *   <li>Numbers sent as strings ({@code "39"}) are accepted, as many instrumentations stringify every attribute; a
 *       value that cannot be a count (text, boolean, negative, fractional) rejects the span with the attribute named.</li>
 *   <li>{@code generate_content} maps to {@code chat}; an unrecognised provider name is kept lower-cased; a span
 *       that names no provider and no known host gets {@code unknown} (the model name is not used to guess).</li>
 *   <li>Message text parts are joined with a newline; reasoning, media and server-side tool parts are not content.</li>
 * </ul>
 */
package io.ledgerline.collector.receiver.otlp;
