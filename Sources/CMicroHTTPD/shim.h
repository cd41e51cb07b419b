#ifndef CMICROHTTPD_SHIM_H
#define CMICROHTTPD_SHIM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <microhttpd.h>

/* Shims for what Swift cannot call: MHD_start_daemon, MHD_get_daemon_info,
   MHD_get_connection_info and MHD_set_connection_option are variadic. Each shim is a thin, fixed-argument
   wrapper; nothing here keeps state. */

/* A URI log callback: receives the raw request target and returns the
   request's context pointer (the initial *con_cls). */
typedef void *(*CMicroHTTPD_URILogCallback)(void *cls, const char *uri, struct MHD_Connection *connection);

/* An external logger: receives MHD's printf-style diagnostics. */
typedef void (*CMicroHTTPD_LogCallback)(void *cls, const char *format, va_list arguments);

/* Starts a daemon on `listen_fd`, a socket already bound and listening, with
   exactly the options HTTPServer sets; the daemon owns the socket once it has
   started, the caller still does when NULL is returned. `context` is passed to
   every callback; `connection_handler` hears of each connection's start and
   close (MHD_OPTION_NOTIFY_CONNECTION); `accept_policy` may refuse a connection
   right after accept, by its peer address. A `listen_fd` of -1 starts a daemon
   without a listening socket (pass MHD_USE_NO_LISTEN_SOCKET in `flags`), which
   takes its connections from MHD_add_connection only. Returns NULL when the daemon cannot
   start (a bad option, no threads). A thread pool size of 0 or 1 means a single
   internal thread. */
static inline struct MHD_Daemon *CMicroHTTPD_start_daemon(
    unsigned int flags,
    int listen_fd,
    MHD_AccessHandlerCallback access_handler,
    MHD_AcceptPolicyCallback accept_policy,
    MHD_RequestCompletedCallback completed_handler,
    CMicroHTTPD_URILogCallback uri_log_handler,
    CMicroHTTPD_LogCallback log_handler,
    MHD_NotifyConnectionCallback connection_handler,
    void *context,
    size_t connection_memory_limit,
    unsigned int connection_limit,
    unsigned int per_ip_connection_limit,
    unsigned int connection_timeout_seconds,
    unsigned int thread_pool_size
) {
    if (listen_fd < 0) {
        return MHD_start_daemon(
            flags, 0, accept_policy, context, access_handler, context,
            MHD_OPTION_EXTERNAL_LOGGER, log_handler, context,
            MHD_OPTION_URI_LOG_CALLBACK, uri_log_handler, context,
            MHD_OPTION_NOTIFY_COMPLETED, completed_handler, context,
            MHD_OPTION_NOTIFY_CONNECTION, connection_handler, context,
            MHD_OPTION_CONNECTION_MEMORY_LIMIT, connection_memory_limit,
            MHD_OPTION_CONNECTION_LIMIT, connection_limit,
            MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip_connection_limit,
            MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
            MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size,
            MHD_OPTION_END
        );
    }
    return MHD_start_daemon(
        flags, 0, accept_policy, context, access_handler, context,
        MHD_OPTION_EXTERNAL_LOGGER, log_handler, context,
        MHD_OPTION_LISTEN_SOCKET, listen_fd,
        MHD_OPTION_URI_LOG_CALLBACK, uri_log_handler, context,
        MHD_OPTION_NOTIFY_COMPLETED, completed_handler, context,
        MHD_OPTION_NOTIFY_CONNECTION, connection_handler, context,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, connection_memory_limit,
        MHD_OPTION_CONNECTION_LIMIT, connection_limit,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip_connection_limit,
        MHD_OPTION_CONNECTION_TIMEOUT, connection_timeout_seconds,
        MHD_OPTION_THREAD_POOL_SIZE, thread_pool_size,
        MHD_OPTION_END
    );
}

/* Sets the inactivity timeout of one connection (MHD_CONNECTION_OPTION_TIMEOUT);
   0 means none. Call it only from the access handler. Returns 1 on success, 0
   when MHD refuses the option. */
static inline int CMicroHTTPD_set_connection_timeout(struct MHD_Connection *connection, unsigned int seconds) {
    return MHD_set_connection_option(connection, MHD_CONNECTION_OPTION_TIMEOUT, seconds) == MHD_YES;
}

/* The peer address of a connection, or NULL if MHD cannot tell. Valid while
   the connection lives. */
static inline const struct sockaddr *CMicroHTTPD_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

#endif
