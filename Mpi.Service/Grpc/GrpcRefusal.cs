using Grpc.Core;


namespace Mpi.Service.Grpc;

/// <summary>
/// A gRPC refusal written by HTTP middleware: a trailers-only response (status and message in the headers, no body),
/// which every gRPC client reads as the call's status. The request body is left unread.
/// </summary>
public static class GrpcRefusal
{
    public static Task WriteAsync(HttpContext context, StatusCode status, string message)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return context.Response.CompleteAsync();
    }
}
