// placeholder: the Electron shell is written next
export {};
