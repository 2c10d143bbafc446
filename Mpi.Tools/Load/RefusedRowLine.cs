using Grpc.Core;
using Mpi.Contracts.V1;

namespace Mpi.Tools.Load;

/// <summary>
/// The line `load` writes for a row the service refused: the row's line in the file (not its place among the readable
/// rows, which a row left out before it would shift) and each field the service named with its reason (the BadRequest
/// detail of a unary call, the field violations of a stream item).
/// </summary>
internal static class RefusedRowLine
{
    public static string Of(int line, RpcException refusal) =>
        Of(line, refusal.StatusCode, refusal.Status.Detail,
            refusal.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>()?.FieldViolations.Select(v => (v.Field, v.Description)));

    public static string Of(int line, ItemError refusal) =>
        Of(line, (StatusCode)refusal.Code, refusal.Message, refusal.FieldViolations.Select(v => (v.Field, v.Description)));

    private static string Of(int line, StatusCode code, string message, IEnumerable<(string Field, string Reason)>? fields)
    {
        var named = fields?.Select(f => $"{f.Field}: {f.Reason}").ToList() ?? [];
        return named.Count == 0 ? $"line {line}: {code} {message}" : $"line {line}: {code} {message} — {string.Join("; ", named)}";
    }
}
