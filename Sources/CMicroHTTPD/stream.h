#ifndef CMICROHTTPD_STREAM_H
#define CMICROHTTPD_STREAM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/types.h>
#include <microhttpd.h>

/* What streaming responses need beyond shim.h. MHD_SIZE_UNKNOWN and the
   content reader's end codes are macros with casts, which Swift does not
   import, and MHD_get_connection_info is variadic.

   epoll and eventfd come along because HTTPServer watches the sockets of
   suspended streaming connections for a client that hangs up (libmicrohttpd
   does not while a connection is suspended), and Swift's Glibc module does not
   include <sys/epoll.h> or <sys/eventfd.h>. They belong in a Linux C module of
   their own once the package has one. */

/* What a content reader returns at the regular end of the body. */
static const ssize_t CMicroHTTPD_content_reader_end_of_stream = MHD_CONTENT_READER_END_OF_STREAM;

/* What a content reader returns to close the connection without ending the body. */
static const ssize_t CMicroHTTPD_content_reader_end_with_error = MHD_CONTENT_READER_END_WITH_ERROR;

/* A response whose body of unknown length comes from `reader`, sent chunked to
   HTTP/1.1 clients. `free_context` is called once with `context` when
   libmicrohttpd is done with the response. Returns NULL when out of memory. */
static inline struct MHD_Response *CMicroHTTPD_create_stream_response(
    size_t block_size,
    MHD_ContentReaderCallback reader,
    void *context,
    MHD_ContentReaderFreeCallback free_context
) {
    return MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, block_size, reader, context, free_context);
}

/* The socket of a connection, or -1 if MHD cannot tell. */
static inline int CMicroHTTPD_connection_fd(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info == NULL ? -1 : info->connect_fd;
}

#endif
