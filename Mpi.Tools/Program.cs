using Mpi.Tools;

return await ToolCommands.Create().Parse(args).InvokeAsync();
