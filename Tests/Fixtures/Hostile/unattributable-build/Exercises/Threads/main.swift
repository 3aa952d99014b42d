// Hostile fixture (build): top-level code in a library module gives it a
// second `main`, so linking fails with an error that names no source line.
print("a second program entry point")
