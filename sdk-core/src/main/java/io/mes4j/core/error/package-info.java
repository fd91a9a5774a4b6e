/**
 * The exceptions mes4j throws, all unchecked, under {@link io.mes4j.core.error.MesException}; each
 * cause code is explained in the project's {@code docs/errors.md}.
 *
 * <table>
 *   <caption>Contents</caption>
 *   <tr><th>group</th><th>types</th></tr>
 *   <tr><td>roots</td><td>{@link io.mes4j.core.error.MesException},
 *       {@link io.mes4j.core.error.MesClientException},
 *       {@link io.mes4j.core.error.MesServiceException}; the stable cause of a server's refusal:
 *       {@link io.mes4j.core.error.ErrorCause}</td></tr>
 *   <tr><td>the caller's side (nothing sent, or no usable
 *       answer)</td><td>{@link io.mes4j.core.error.InvalidValueException},
 *       {@link io.mes4j.core.error.ConnectionFailedException},
 *       {@link io.mes4j.core.error.CallTimeoutException},
 *       {@link io.mes4j.core.error.CircuitOpenException},
 *       {@link io.mes4j.core.error.ContentIntegrityException}</td></tr>
 *   <tr><td>authentication and OAuth (401, token
 *       endpoint)</td><td>{@link io.mes4j.core.error.AuthenticationException},
 *       {@link io.mes4j.core.error.DpopProofException},
 *       {@link io.mes4j.core.error.TokenRevokedException},
 *       {@link io.mes4j.core.error.OAuthException}</td></tr>
 *   <tr><td>access to a dossier (403, 400; CON-1 to CON-4, DOC-1, DOC-7,
 *       DOC-8)</td><td>{@link io.mes4j.core.error.NotAuthorisedException},
 *       {@link io.mes4j.core.error.BlockedException},
 *       {@link io.mes4j.core.error.EmergencyAccessDeniedException},
 *       {@link io.mes4j.core.error.ReasonRequiredException},
 *       {@link io.mes4j.core.error.RoleRequiredException},
 *       {@link io.mes4j.core.error.ProfessionNotAllowedException},
 *       {@link io.mes4j.core.error.ForbiddenException},
 *       {@link io.mes4j.core.error.HolderOnlyException},
 *       {@link io.mes4j.core.error.NotAuthorException},
 *       {@link io.mes4j.core.error.LabelNotAllowedException},
 *       {@link io.mes4j.core.error.DepositOpposedException}</td></tr>
 *   <tr><td>state conflicts (409; ES-1 to ES-6, DOC-2, AG-1,
 *       CAT-3)</td><td>{@link io.mes4j.core.error.SpaceNotActiveException},
 *       {@link io.mes4j.core.error.TransitionNotAllowedException},
 *       {@link io.mes4j.core.error.DuplicateConflictException},
 *       {@link io.mes4j.core.error.ConflictException}</td></tr>
 *   <tr><td>messaging (MSG-1 to
 *       MSG-5)</td><td>{@link io.mes4j.core.error.ConversationClosedException},
 *       {@link io.mes4j.core.error.HolderCannotStartException}</td></tr>
 *   <tr><td>catalogue services and pairings (CAT-1 to
 *       CAT-3)</td><td>{@link io.mes4j.core.error.FinalityNotConsentedException},
 *       {@link io.mes4j.core.error.ReapprovalRequiredException},
 *       {@link io.mes4j.core.error.ServiceOfflineException},
 *       {@link io.mes4j.core.error.ServiceSuspendedException}</td></tr>
 *   <tr><td>the request itself (400, 404, 405, 406, 413, 415,
 *       501)</td><td>{@link io.mes4j.core.error.InvalidRequestException},
 *       {@link io.mes4j.core.error.ResourceNotFoundException},
 *       {@link io.mes4j.core.error.MethodNotAllowedException},
 *       {@link io.mes4j.core.error.NotAcceptableException},
 *       {@link io.mes4j.core.error.PayloadTooLargeException},
 *       {@link io.mes4j.core.error.UnsupportedMediaTypeException},
 *       {@link io.mes4j.core.error.NotImplementedException}</td></tr>
 *   <tr><td>transient (retried for idempotent
 *       calls)</td><td>{@link io.mes4j.core.error.RateLimitedException},
 *       {@link io.mes4j.core.error.ServiceUnavailableException}</td></tr>
 * </table>
 */
@NullMarked
package io.mes4j.core.error;

import org.jspecify.annotations.NullMarked;
