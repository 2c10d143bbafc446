using Mpi.Service.Cli;

return await CliCommands.Create().Parse(args).InvokeAsync();
