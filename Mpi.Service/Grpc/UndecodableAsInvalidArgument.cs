using System.Text;
using Google.Protobuf;
using Grpc.Core;

namespace Mpi.Service.Grpc;

/// <summary>
/// Binds a generated mpi.v1 service with request marshallers that answer a message protobuf cannot decode (invalid
/// UTF-8 in a string field, a truncated field) with INVALID_ARGUMENT, as the bad input it is. Without it grpc-dotnet
/// treats the decoder's exception as a fault of the service: UNKNOWN to the caller, an error with a stack trace in
/// the log, and a RegisterStream ended by one bad item. A service opts in with
/// <c>[BindServiceMethod(typeof(ItsClass), nameof(BindService))]</c> and a static BindService that calls
/// <see cref="Bind"/>. grpc-dotnet looks for the attribute on the most derived class first, and looks the handlers up
/// on the type of BindService's second parameter: that parameter must be the generated base class, not the service.
/// </summary>
public sealed class UndecodableAsInvalidArgument(ServiceBinderBase binder) : ServiceBinderBase
{
    /// <summary>The field named in the BadRequest: protobuf does not say which field it could not decode.</summary>
    public const string Field = "message";

    public static void Bind<TService>(ServiceBinderBase binder, TService service, Action<ServiceBinderBase, TService> generatedBind) =>
        generatedBind(new UndecodableAsInvalidArgument(binder), service);

    /// <summary>Whether an exception is the tolerant marshaller's refusal of an undecodable message.</summary>
    public static bool IsUndecodable(RpcException e) =>
        e.StatusCode == StatusCode.InvalidArgument && e.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations is [{ Field: Field }];

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        binder.AddMethod(Tolerant(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        binder.AddMethod(Tolerant(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        binder.AddMethod(Tolerant(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        binder.AddMethod(Tolerant(method), handler);

    private static Method<TRequest, TResponse> Tolerant<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class where TResponse : class
    {
        var generated = method.RequestMarshaller;
        var tolerant = Marshallers.Create(generated.ContextualSerializer, context => Decode(generated, context, method.Name));
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, tolerant, method.ResponseMarshaller);
    }

    private static T Decode<T>(Marshaller<T> generated, DeserializationContext context, string rpc)
    {
        try
        {
            return generated.ContextualDeserializer(context);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or DecoderFallbackException)
        {
            var reason = $"the {rpc} request could not be decoded as protobuf (a string field that is not valid UTF-8, or a truncated field)";
            // A refused registration is kept in the exception queue, an undecodable one too (a stream's item is kept by the stream).
            if (rpc == "Register") UndecodableRegistrations.KeepFromDecoder(reason);
            throw InvalidArgument.Of([(Field, reason)]);
        }
    }
}
