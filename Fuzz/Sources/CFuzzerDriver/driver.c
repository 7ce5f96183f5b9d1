// The declaration in CFuzzerDriver.h is all there is: libFuzzer defines the function.
